"""Set-up in the GUI: the camera dialog (discovery, probe, connection test), the welcome page, the controller."""
