<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>Bookmarks</name>
    <message><source>%1 bookmarks</source><translation>%1 bookmarks</translation></message>
    <message><source>%1 revisions</source><translation>%1 revisions</translation></message>
    <message><source>Action</source><translation>Action</translation></message>
    <message><source>Activity record (PDF)…</source><translation>Activity record (PDF)…</translation></message>
    <message><source>All cameras</source><translation>All cameras</translation></message>
    <message><source>All categories</source><translation>All categories</translation></message>
    <message><source>All operators</source><translation>All operators</translation></message>
    <message><source>Bookmark %1</source><translation>Bookmark %1</translation></message>
    <message><source>Bookmarks</source><translation>Bookmarks</translation></message>
    <message><source>Cameras</source><translation>Cameras</translation></message>
    <message><source>Cancel</source><translation>Cancel</translation></message>
    <message><source>Case</source><translation>Case</translation></message>
    <message><source>Case number</source><translation>Case number</translation></message>
    <message><source>Category</source><translation>Category</translation></message>
    <message><source>Close</source><translation>Close</translation></message>
    <message><source>Description</source><translation>Description</translation></message>
    <message><source>Edit…</source><translation>Edit…</translation></message>
    <message><source>Evidence</source><translation>Evidence</translation></message>
    <message><source>Evidence only</source><translation>Evidence only</translation></message>
    <message><source>Export evidence…</source><translation>Export evidence…</translation></message>
    <message><source>Field</source><translation>Field</translation></message>
    <message><source>Footage (seconds)</source><translation>Footage (seconds)</translation></message>
    <message><source>Footage from–to</source><translation>Footage from–to</translation></message>
    <message><source>From</source><translation>From</translation></message>
    <message><source>Give the case number the evidence belongs to.</source><translation>Give the case number the evidence belongs to.</translation></message>
    <message><source>Give the reason: it is kept in the bookmark's history and the audit log.</source><translation>Give the reason: it is kept in the bookmark's history and the audit log.</translation></message>
    <message><source>History of bookmark %1</source><translation>History of bookmark %1</translation></message>
    <message><source>History…</source><translation>History…</translation></message>
    <message><source>Loading…</source><translation>Loading…</translation></message>
    <message><source>Mark as evidence</source><translation>Mark as evidence</translation></message>
    <message><source>Mark as evidence…</source><translation>Mark as evidence…</translation></message>
    <message><source>Marked at %1 by %2</source><translation>Marked at %1 by %2</translation></message>
    <message><source>Old → new</source><translation>Old → new</translation></message>
    <message><source>Operator</source><translation>Operator</translation></message>
    <message><source>Place</source><translation>Place</translation></message>
    <message><source>Play</source><translation>Play</translation></message>
    <message><source>Play the bookmark's cameras from its start (or double-click the row)</source><translation>Play the bookmark's cameras from its start (or double-click the row)</translation></message>
    <message><source>Reason</source><translation>Reason</translation></message>
    <message><source>Release evidence</source><translation>Release evidence</translation></message>
    <message><source>Release evidence…</source><translation>Release evidence…</translation></message>
    <message><source>Restore</source><translation>Restore</translation></message>
    <message><source>Restore…</source><translation>Restore…</translation></message>
    <message><source>Result</source><translation>Result</translation></message>
    <message><source>Save</source><translation>Save</translation></message>
    <message><source>Search description, place, case number, category</source><translation>Search description, place, case number, category</translation></message>
    <message><source>Show withdrawn</source><translation>Show withdrawn</translation></message>
    <message><source>The bookmark will be hidden (kept with its history).</source><translation>The bookmark will be hidden (kept with its history).</translation></message>
    <message><source>The bookmark will be shown again.</source><translation>The bookmark will be shown again.</translation></message>
    <message><source>The footage of the bookmark's cameras from %1 to %2 will be kept (legal hold) until the evidence is released.</source><translation>The footage of the bookmark's cameras from %1 to %2 will be kept (legal hold) until the evidence is released.</translation></message>
    <message><source>The legal hold on the footage (case %1) will be lifted; it is deleted when its retention ends.</source><translation>The legal hold on the footage (case %1) will be lifted; it is deleted when its retention ends.</translation></message>
    <message><source>Time</source><translation>Time</translation></message>
    <message><source>To</source><translation>To</translation></message>
    <message><source>What was done, e.g. patrol sent, police informed</source><translation>What was done, e.g. patrol sent, police informed</translation></message>
    <message><source>When</source><translation>When</translation></message>
    <message><source>Who</source><translation>Who</translation></message>
    <message><source>Withdraw</source><translation>Withdraw</translation></message>
    <message><source>Withdraw…</source><translation>Withdraw…</translation></message>
    <message><source>after</source><translation>after</translation></message>
    <message><source>before</source><translation>before</translation></message>
    <message><source>cameras</source><translation>cameras</translation></message>
    <message><source>case number</source><translation>case number</translation></message>
    <message><source>category</source><translation>category</translation></message>
    <message><source>created</source><translation>created</translation></message>
    <message><source>description</source><translation>description</translation></message>
    <message><source>edited</source><translation>edited</translation></message>
    <message><source>end</source><translation>end</translation></message>
    <message><source>evidence</source><translation>evidence</translation></message>
    <message><source>evidence released</source><translation>evidence released</translation></message>
    <message><source>legal holds</source><translation>legal holds</translation></message>
    <message><source>marked as evidence</source><translation>marked as evidence</translation></message>
    <message><source>moment</source><translation>moment</translation></message>
    <message><source>no</source><translation>no</translation></message>
    <message><source>operator</source><translation>operator</translation></message>
    <message><source>place</source><translation>place</translation></message>
    <message><source>restored</source><translation>restored</translation></message>
    <message><source>result</source><translation>result</translation></message>
    <message><source>start</source><translation>start</translation></message>
    <message><source>withdrawn</source><translation>withdrawn</translation></message>
    <message><source>yes</source><translation>yes</translation></message>
    <message><source>other</source><translation>other</translation></message>
    <message><source>public disorder</source><translation>public disorder</translation></message>
    <message><source>road accident</source><translation>road accident</translation></message>
    <message><source>theft</source><translation>theft</translation></message>
    <message><source>traffic offence</source><translation>traffic offence</translation></message>
    <message><source>vandalism</source><translation>vandalism</translation></message>
</context>
</TS>
