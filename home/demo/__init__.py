"""The French demo content of the portal, built by ``manage.py load_demo_content``."""
