<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>Playback</name>
    <message><source>Live</source><translation>Live</translation></message>
    <message><source>Back to live</source><translation>Back to live</translation></message>
    <message><source>Faster</source><translation>Faster</translation></message>
    <message><source>Go</source><translation>Go</translation></message>
    <message><source>Jump to this date and time (station time)</source><translation>Jump to this date and time (station time)</translation></message>
    <message><source>LIVE</source><translation>LIVE</translation></message>
    <message><source>NO RECORDING</source><translation>NO RECORDING</translation></message>
    <message><source>Next frame</source><translation>Next frame</translation></message>
    <message><source>No recording at this time</source><translation>No recording at this time</translation></message>
    <message><source>Play / pause</source><translation>Play / pause</translation></message>
    <message><source>Previous frame</source><translation>Previous frame</translation></message>
    <message><source>RECORDED</source><translation>RECORDED</translation></message>
    <message><source>Slower / reverse</source><translation>Slower / reverse</translation></message>
    <message><source>camera unreachable</source><translation>camera unreachable</translation></message>
    <message><source>disk full</source><translation>disk full</translation></message>
    <message><source>no keyframe from the camera</source><translation>no keyframe from the camera</translation></message>
    <message><source>no recording</source><translation>no recording</translation></message>
    <message><source>paused</source><translation>paused</translation></message>
    <message><source>recorder not running</source><translation>recorder not running</translation></message>
    <message><source>recorder overloaded</source><translation>recorder overloaded</translation></message>
    <message><source>stream restarted</source><translation>stream restarted</translation></message>
    <message><source>videowall — playback</source><translation>videowall — playback</translation></message>
    <message><source>write error</source><translation>write error</translation></message>
    <message><source>Bookmark</source><translation>Bookmark</translation></message>
    <message><source>Bookmark the moment shown on the selected tile (B)</source><translation>Bookmark the moment shown on the selected tile (B)</translation></message>
    <message><source>evidence</source><translation>evidence</translation></message>
</context>
</TS>
