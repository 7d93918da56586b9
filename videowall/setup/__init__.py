"""Set-up done from the GUI, without Qt: camera forms, connection tests, camera states."""
