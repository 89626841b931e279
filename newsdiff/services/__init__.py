"""Service functions: every write goes through one of these, from the web, the admin or the command line."""
