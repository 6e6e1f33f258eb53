"""The communication team's accounts on the live site, one per role (fixture set-up).

Run inside the live site's process by ``manage.py shell`` (``create_team``):
creating people is an administrator's set-up, not part of the journeys the
browser tests walk, which then sign in as these people through the login page.
"""

PASSWORD = "a-long-test-password-{username}"

TEAM = {
    # username: (first name, group)
    "claire": ("Claire", "Communication"),
    "tom": ("Tom", "Translators (en)"),
    "amal": ("Amal", "Translators (ar)"),
    "rita": ("Rita", "Reviewers"),
}


def create_team():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

    for username, (first_name, group) in TEAM.items():
        user, _created = get_user_model().objects.get_or_create(
            username=username,
            defaults={"first_name": first_name, "email": f"{username}@example.org"},
        )
        user.set_password(PASSWORD.format(username=username))
        user.save()
        user.groups.set([Group.objects.get(name=group)])
        # Each works in the admin in French, the team's language.
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "fr"
        profile.save()
