"""Ringba: the call-logs client, records → calls, and storing a day's calls."""
