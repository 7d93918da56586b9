"""The access log in the GUI: the reason dialog before footage opens, and the supervisor's access log screen."""
