from wagtail import hooks

from seo.not_found import not_found_admin_urls, not_found_menu_item

# The "Pages not found" report, to find the old addresses that need a redirect.
hooks.register("register_admin_urls", not_found_admin_urls)
hooks.register("register_reports_menu_item", not_found_menu_item)
