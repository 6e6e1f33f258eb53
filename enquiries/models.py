"""Enquiries from project holders who want to join the network (built in issue 5)."""
