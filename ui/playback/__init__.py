"""Playback of recordings: timeline, controls, recorded tiles with their LIVE/RECORDED badge."""
