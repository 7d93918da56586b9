<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>Alarms</name>
    <message><source>%1 events</source><translation>%1 events</translation></message>
    <message><source>Acknowledge</source><translation>Acknowledge</translation></message>
    <message><source>Alarm %1: %2 on %3, %4 events</source><translation>Alarm %1: %2 on %3, %4 events</translation></message>
    <message><source>Alarms</source><translation>Alarms</translation></message>
    <message><source>All cameras</source><translation>All cameras</translation></message>
    <message><source>All events</source><translation>All events</translation></message>
    <message><source>Bookmark this</source><translation>Bookmark this</translation></message>
    <message><source>Camera</source><translation>Camera</translation></message>
    <message><source>Cancel</source><translation>Cancel</translation></message>
    <message><source>Close alarm</source><translation>Close alarm</translation></message>
    <message><source>Close alarm %1</source><translation>Close alarm %1</translation></message>
    <message><source>Close…</source><translation>Close…</translation></message>
    <message><source>Comment</source><translation>Comment</translation></message>
    <message><source>Count</source><translation>Count</translation></message>
    <message><source>Event</source><translation>Event</translation></message>
    <message><source>Events</source><translation>Events</translation></message>
    <message><source>From</source><translation>From</translation></message>
    <message><source>Handled by</source><translation>Handled by</translation></message>
    <message><source>No pop-up</source><translation>No pop-up</translation></message>
    <message><source>Pop up on the alarm monitor</source><translation>Pop up on the alarm monitor</translation></message>
    <message><source>Pop up on tile</source><translation>Pop up on tile</translation></message>
    <message><source>Priority</source><translation>Priority</translation></message>
    <message><source>Search</source><translation>Search</translation></message>
    <message><source>Show camera</source><translation>Show camera</translation></message>
    <message><source>Show closed</source><translation>Show closed</translation></message>
    <message><source>Source</source><translation>Source</translation></message>
    <message><source>State</source><translation>State</translation></message>
    <message><source>Time</source><translation>Time</translation></message>
    <message><source>To</source><translation>To</translation></message>
    <message><source>What was seen and what was done (required)</source><translation>What was seen and what was done (required)</translation></message>
    <message><source>acknowledged</source><translation>acknowledged</translation></message>
    <message><source>camera storage fault</source><translation>camera storage fault</translation></message>
    <message><source>closed</source><translation>closed</translation></message>
    <message><source>digital input</source><translation>digital input</translation></message>
    <message><source>events unavailable</source><translation>events unavailable</translation></message>
    <message><source>PTZ taken over</source><translation>PTZ taken over</translation></message>
    <message><source>export failed</source><translation>export failed</translation></message>
    <message><source>motion</source><translation>motion</translation></message>
    <message><source>new</source><translation>new</translation></message>
    <message><source>off</source><translation>off</translation></message>
    <message><source>on</source><translation>on</translation></message>
    <message><source>other event</source><translation>other event</translation></message>
    <message><source>recording stopped</source><translation>recording stopped</translation></message>
    <message><source>station</source><translation>station</translation></message>
    <message><source>stream lost</source><translation>stream lost</translation></message>
    <message><source>stream restored</source><translation>stream restored</translation></message>
    <message><source>tampering</source><translation>tampering</translation></message>
    <message><source>tile </source><translation>tile </translation></message>
    <message><source>video loss</source><translation>video loss</translation></message>
    <message><source>videowall — alarm monitor</source><translation>videowall — alarm monitor</translation></message>
    <message><source>%1: the camera does not support ONVIF events.</source><translation>%1: the camera does not support ONVIF events.</translation></message>
    <message><source>%1: events interrupted, reconnecting (%2)</source><translation>%1: events interrupted, reconnecting (%2)</translation></message>
</context>
</TS>
