"""The recording server and its clients: footage recorded once, played back and exported from any station."""
