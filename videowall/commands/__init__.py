"""The `videowall` sub-commands: argument parsing and output for the core services the station builds."""
