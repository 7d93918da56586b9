<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
    <context>
        <name>core</name>
        <message>
            <source>%1 It refused first: %2.</source>
            <translation>%1 It refused first: %2.</translation>
        </message>
        <message>
            <source>%1 The destination %2 is no longer there (was the drive removed?). The export is NOT complete; export again to a connected drive.</source>
            <translation>%1 The destination %2 is no longer there (was the drive removed?). The export is NOT complete; export again to a connected drive.</translation>
        </message>
        <message>
            <source>%1 The export is NOT complete; what was written is in %2 (delete it).</source>
            <translation>%1 The export is NOT complete; what was written is in %2 (delete it).</translation>
        </message>
        <message>
            <source>%1 URL: %2</source>
            <translation>%1 URL: %2</translation>
        </message>
        <message>
            <source>%1 already exists. Use another exhibit id, or move the old folder away (an existing package is never overwritten).</source>
            <translation>%1 already exists. Use another exhibit id, or move the old folder away (an existing package is never overwritten).</translation>
        </message>
        <message>
            <source>%1 changed on the medium after being verified, while later files were written: the medium overwrites its own data (a counterfeit or failing stick). Use another one.</source>
            <translation>%1 changed on the medium after being verified, while later files were written: the medium overwrites its own data (a counterfeit or failing stick). Use another one.</translation>
        </message>
        <message>
            <source>%1 has packet side data; write its framehash to a file.</source>
            <translation>%1 has packet side data; write its framehash to a file.</translation>
        </message>
        <message>
            <source>%1 is not a camera id.</source>
            <translation>%1 is not a camera id.</translation>
        </message>
        <message>
            <source>%1 is not a date and time like 2026-01-15T10:15:00.</source>
            <translation>%1 is not a date and time like 2026-01-15T10:15:00.</translation>
        </message>
        <message>
            <source>%1 is not a recording server address (https://HOST:PORT, no credentials).</source>
            <translation>%1 is not a recording server address (https://HOST:PORT, no credentials).</translation>
        </message>
        <message>
            <source>%1 is required.</source>
            <translation>%1 is required.</translation>
        </message>
        <message>
            <source>%1 is still being recorded, so the recorder has no digest of it yet. Export a range that ended a minute ago, or wait until it closes.</source>
            <translation>%1 is still being recorded, so the recorder has no digest of it yet. Export a range that ended a minute ago, or wait until it closes.</translation>
        </message>
        <message>
            <source>%1 is too long (%2 characters; at most %3).</source>
            <translation>%1 is too long (%2 characters; at most %3).</translation>
        </message>
        <message>
            <source>%1 lies outside the years %2–%3: check the year.</source>
            <translation>%1 lies outside the years %2–%3: check the year.</translation>
        </message>
        <message>
            <source>%1 missing: the log jumps from entry %2 to entry %3 (deleted?)</source>
            <translation>%1 missing: the log jumps from entry %2 to entry %3 (deleted?)</translation>
        </message>
        <message>
            <source>%1 must be a date and time.</source>
            <translation>%1 must be a date and time.</translation>
        </message>
        <message>
            <source>%1 must be a number of gigabytes from 0 to %2, not %3</source>
            <translation>%1 must be a number of gigabytes from 0 to %2, not %3</translation>
        </message>
        <message>
            <source>%1 must be a whole number of seconds from 0 to %2, not %3</source>
            <translation>%1 must be a whole number of seconds from 0 to %2, not %3</translation>
        </message>
        <message>
            <source>%1 must be from 0 to %2 seconds, not %3.</source>
            <translation>%1 must be from 0 to %2 seconds, not %3.</translation>
        </message>
        <message>
            <source>%1 must be text of at most 200 characters without control characters</source>
            <translation>%1 must be text of at most 200 characters without control characters</translation>
        </message>
        <message>
            <source>%1 must be text.</source>
            <translation>%1 must be text.</translation>
        </message>
        <message>
            <source>%1 must not contain control characters or text-direction marks (found %2).</source>
            <translation>%1 must not contain control characters or text-direction marks (found %2).</translation>
        </message>
        <message>
            <source>%1 must not contain control characters%2.</source>
            <translation>%1 must not contain control characters%2.</translation>
        </message>
        <message>
            <source>%1 must not contain control characters.</source>
            <translation>%1 must not contain control characters.</translation>
        </message>
        <message>
            <source>%1 needs a time zone.</source>
            <translation>%1 needs a time zone.</translation>
        </message>
        <message>
            <source>%1 was recorded before the recorder took digests of its segments, so what arrives cannot be checked against it. Export it on the recording PC itself.</source>
            <translation>%1 was recorded before the recorder took digests of its segments, so what arrives cannot be checked against it. Export it on the recording PC itself.</translation>
        </message>
        <message>
            <source>%1%2 needs the OS keyring. %3</source>
            <translation>%1%2 needs the OS keyring. %3</translation>
        </message>
        <message>
            <source>%1: an unfinished export (.partial): it was never completed</source>
            <translation>%1: an unfinished export (.partial): it was never completed</translation>
        </message>
        <message>
            <source>%1: changed (SHA-256 differs from %2)</source>
            <translation>%1: changed (SHA-256 differs from %2)</translation>
        </message>
        <message>
            <source>%1: changed (size or SHA-256 differs from the manifest)</source>
            <translation>%1: changed (size or SHA-256 differs from the manifest)</translation>
        </message>
        <message>
            <source>%1: does not contain the audit anchor named in the manifest</source>
            <translation>%1: does not contain the audit anchor named in the manifest</translation>
        </message>
        <message>
            <source>%1: entry %2 does not match its hash</source>
            <translation>%1: entry %2 does not match its hash</translation>
        </message>
        <message>
            <source>%1: extra file, not in the manifest</source>
            <translation>%1: extra file, not in the manifest</translation>
        </message>
        <message>
            <source>%1: its files cannot be listed (%2)</source>
            <translation>%1: its files cannot be listed (%2)</translation>
        </message>
        <message>
            <source>%1: its frames do not match %2 (first difference at line %3)</source>
            <translation>%1: its frames do not match %2 (first difference at line %3)</translation>
        </message>
        <message>
            <source>%1: its line for %2 disagrees with the manifest</source>
            <translation>%1: its line for %2 disagrees with the manifest</translation>
        </message>
        <message>
            <source>%1: its packets cannot be read (%2)</source>
            <translation>%1: its packets cannot be read (%2)</translation>
        </message>
        <message>
            <source>%1: line %2 is unreadable</source>
            <translation>%1: line %2 is unreadable</translation>
        </message>
        <message>
            <source>%1: missing</source>
            <translation>%1: missing</translation>
        </message>
        <message>
            <source>%1: missing (listed in %2)</source>
            <translation>%1: missing (listed in %2)</translation>
        </message>
        <message>
            <source>%1: missing (listed in the manifest)</source>
            <translation>%1: missing (listed in the manifest)</translation>
        </message>
        <message>
            <source>%1: missing, the manifest is not signed</source>
            <translation>%1: missing, the manifest is not signed</translation>
        </message>
        <message>
            <source>%1: not a folder</source>
            <translation>%1: not a folder</translation>
        </message>
        <message>
            <source>%1: not listed in %2</source>
            <translation>%1: not listed in %2</translation>
        </message>
        <message>
            <source>%1: not the certificate the manifest names</source>
            <translation>%1: not the certificate the manifest names</translation>
        </message>
        <message>
            <source>%1: signature check failed: %2</source>
            <translation>%1: signature check failed: %2</translation>
        </message>
        <message>
            <source>%1: signed by a certificate other than the one the manifest names</source>
            <translation>%1: signed by a certificate other than the one the manifest names</translation>
        </message>
        <message>
            <source>%1: unreadable (%2)</source>
            <translation>%1: unreadable (%2)</translation>
        </message>
        <message>
            <source>%1: unreadable (not ASCII text at byte %2)</source>
            <translation>%1: unreadable (not ASCII text at byte %2)</translation>
        </message>
        <message>
            <source>'%1' is missing (an ISO 8601 UTC time).</source>
            <translation>'%1' is missing (an ISO 8601 UTC time).</translation>
        </message>
        <message>
            <source>'%1' is not an ISO 8601 time.</source>
            <translation>'%1' is not an ISO 8601 time.</translation>
        </message>
        <message>
            <source>'%1' must carry its UTC offset (e.g. Z).</source>
            <translation>'%1' must carry its UTC offset (e.g. Z).</translation>
        </message>
        <message>
            <source>A bookmark can name at most %1 cameras, not %2.</source>
            <translation>A bookmark can name at most %1 cameras, not %2.</translation>
        </message>
        <message>
            <source>A bookmark needs at least one camera.</source>
            <translation>A bookmark needs at least one camera.</translation>
        </message>
        <message>
            <source>A camera is listed twice.</source>
            <translation>A camera is listed twice.</translation>
        </message>
        <message>
            <source>A camera named %1 already exists%2. Choose another name.</source>
            <translation>A camera named %1 already exists%2. Choose another name.</translation>
        </message>
        <message>
            <source>A case number is required to mark bookmark %1 as evidence.</source>
            <translation>A case number is required to mark bookmark %1 as evidence.</translation>
        </message>
        <message>
            <source>A keyring is needed to save the camera's credentials.</source>
            <translation>A keyring is needed to save the camera's credentials.</translation>
        </message>
        <message>
            <source>A login is 1–%1 characters without spaces or control characters.</source>
            <translation>A login is 1–%1 characters without spaces or control characters.</translation>
        </message>
        <message>
            <source>A password needs at least %1 characters.</source>
            <translation>A password needs at least %1 characters.</translation>
        </message>
        <message>
            <source>A police viewer needs at least one camera group (--group): they see only the groups granted to the unit.</source>
            <translation>A police viewer needs at least one camera group (--group): they see only the groups granted to the unit.</translation>
        </message>
        <message>
            <source>A rule is for one camera or for a group, not both.</source>
            <translation>A rule is for one camera or for a group, not both.</translation>
        </message>
        <message>
            <source>A session lasts from 1 to %1 days.</source>
            <translation>A session lasts from 1 to %1 days.</translation>
        </message>
        <message>
            <source>A setting has a value of the wrong kind.</source>
            <translation>A setting has a value of the wrong kind.</translation>
        </message>
        <message>
            <source>A tour needs a name, at least one preset and a dwell &gt; 0 s.</source>
            <translation>A tour needs a name, at least one preset and a dwell &gt; 0 s.</translation>
        </message>
        <message>
            <source>A tour needs at least one preset and a dwell &gt; 0 s.</source>
            <translation>A tour needs at least one preset and a dwell &gt; 0 s.</translation>
        </message>
        <message>
            <source>A user %1 already exists.</source>
            <translation>A user %1 already exists.</translation>
        </message>
        <message>
            <source>A user needs a full name (1–100 printable characters), as it appears on bookmarks and in the audit log.</source>
            <translation>A user needs a full name (1–100 printable characters), as it appears on bookmarks and in the audit log.</translation>
        </message>
        <message>
            <source>A view needs a name of 1 to %1 characters.</source>
            <translation>A view needs a name of 1 to %1 characters.</translation>
        </message>
        <message>
            <source>A view's key must be between 1 and 12.</source>
            <translation>A view's key must be between 1 and 12.</translation>
        </message>
        <message>
            <source>Alarm %1 was already closed by %2.</source>
            <translation>Alarm %1 was already closed by %2.</translation>
        </message>
        <message>
            <source>An alarm is handled by a named operator.</source>
            <translation>An alarm is handled by a named operator.</translation>
        </message>
        <message>
            <source>An alarm priority is 1 (most urgent) to 5, or 0 for none.</source>
            <translation>An alarm priority is 1 (most urgent) to 5, or 0 for none.</translation>
        </message>
        <message>
            <source>An audit %1 must be 1–%2 printable characters, got %3.</source>
            <translation>An audit %1 must be 1–%2 printable characters, got %3.</translation>
        </message>
        <message>
            <source>Another videowall recorder (process %1) is already recording to %2. Stop it first, or record to another folder.</source>
            <translation>Another videowall recorder (process %1) is already recording to %2. Stop it first, or record to another folder.</translation>
        </message>
        <message>
            <source>Audit %1 has a %2; use text, numbers, lists or dicts.</source>
            <translation>Audit %1 has a %2; use text, numbers, lists or dicts.</translation>
        </message>
        <message>
            <source>Audit %1 has a non-text key %2.</source>
            <translation>Audit %1 has a non-text key %2.</translation>
        </message>
        <message>
            <source>Audit %1 is not a finite number.</source>
            <translation>Audit %1 is not a finite number.</translation>
        </message>
        <message>
            <source>Audit details must be a dictionary.</source>
            <translation>Audit details must be a dictionary.</translation>
        </message>
        <message>
            <source>Bookmark %1 is already evidence (case %2).</source>
            <translation>Bookmark %1 is already evidence (case %2).</translation>
        </message>
        <message>
            <source>Bookmark %1 is already withdrawn.</source>
            <translation>Bookmark %1 is already withdrawn.</translation>
        </message>
        <message>
            <source>Bookmark %1 is evidence (case %2); release the evidence, with a reason, before withdrawing it.</source>
            <translation>Bookmark %1 is evidence (case %2); release the evidence, with a reason, before withdrawing it.</translation>
        </message>
        <message>
            <source>Bookmark %1 is evidence: its case number is on its legal holds. Release the evidence, with a reason, to change it.</source>
            <translation>Bookmark %1 is evidence: its case number is on its legal holds. Release the evidence, with a reason, to change it.</translation>
        </message>
        <message>
            <source>Bookmark %1 is evidence: its footage range and cameras can only grow while it is held. Release the evidence, with a reason, to narrow it or remove a camera.</source>
            <translation>Bookmark %1 is evidence: its footage range and cameras can only grow while it is held. Release the evidence, with a reason, to narrow it or remove a camera.</translation>
        </message>
        <message>
            <source>Bookmark %1 is not marked as evidence.</source>
            <translation>Bookmark %1 is not marked as evidence.</translation>
        </message>
        <message>
            <source>Bookmark %1 is not withdrawn.</source>
            <translation>Bookmark %1 is not withdrawn.</translation>
        </message>
        <message>
            <source>Bookmark %1 was changed meanwhile (now revision %2, you edited revision %3). Reload it and edit again.</source>
            <translation>Bookmark %1 was changed meanwhile (now revision %2, you edited revision %3). Reload it and edit again.</translation>
        </message>
        <message>
            <source>Bookmark %1 was withdrawn, so there is no activity to document.</source>
            <translation>Bookmark %1 was withdrawn, so there is no activity to document.</translation>
        </message>
        <message>
            <source>Bookmark %1 was withdrawn; restore it before editing.</source>
            <translation>Bookmark %1 was withdrawn; restore it before editing.</translation>
        </message>
        <message>
            <source>Bookmark %1 was withdrawn; restore it before marking it as evidence.</source>
            <translation>Bookmark %1 was withdrawn; restore it before marking it as evidence.</translation>
        </message>
        <message>
            <source>Camera passwords can only be read or stored for a data dir's station; this keyring was opened without one.</source>
            <translation>Camera passwords can only be read or stored for a data dir's station; this keyring was opened without one.</translation>
        </message>
        <message>
            <source>Cannot load the TLS certificate %1 and key %2: %3.</source>
            <translation>Cannot load the TLS certificate %1 and key %2: %3.</translation>
        </message>
        <message>
            <source>Cannot reach the camera at %1 for events.</source>
            <translation>Cannot reach the camera at %1 for events.</translation>
        </message>
        <message>
            <source>Cannot reach the device at %1.</source>
            <translation>Cannot reach the device at %1.</translation>
        </message>
        <message>
            <source>Cannot read %1: %2.</source>
            <translation>Cannot read %1: %2.</translation>
        </message>
        <message>
            <source>Cannot read the CA certificate %1: %2.</source>
            <translation>Cannot read the CA certificate %1: %2.</translation>
        </message>
        <message>
            <source>Cannot read the certificate of %1.</source>
            <translation>Cannot read the certificate of %1.</translation>
        </message>
        <message>
            <source>Cannot read the recording %1: %2.</source>
            <translation>Cannot read the recording %1: %2.</translation>
        </message>
        <message>
            <source>Cannot write to %1: %2. Check that the medium is not write-protected and that you may write there.</source>
            <translation>Cannot write to %1: %2. Check that the medium is not write-protected and that you may write there.</translation>
        </message>
        <message>
            <source>Choose at least one camera.</source>
            <translation>Choose at least one camera.</translation>
        </message>
        <message>
            <source>Closing an alarm needs a comment: what was seen and done.</source>
            <translation>Closing an alarm needs a comment: what was seen and done.</translation>
        </message>
        <message>
            <source>Could not %1 in the keyring: %2.</source>
            <translation>Could not %1 in the keyring: %2.</translation>
        </message>
        <message>
            <source>Could not %1. %2</source>
            <translation>Could not %1. %2</translation>
        </message>
        <message>
            <source>Could not open the database %1: %2.</source>
            <translation>Could not open the database %1: %2.</translation>
        </message>
        <message>
            <source>Could not save the activity record as %1: %2. Choose a folder you can write to.</source>
            <translation>Could not save the activity record as %1: %2. Choose a folder you can write to.</translation>
        </message>
        <message>
            <source>Could not save the settings to %1: %2.</source>
            <translation>Could not save the settings to %1: %2.</translation>
        </message>
        <message>
            <source>Could not save to the database: %1.</source>
            <translation>Could not save to the database: %1.</translation>
        </message>
        <message>
            <source>Could not take the PTZ lease of camera %1: other stations kept changing it. Try again.</source>
            <translation>Could not take the PTZ lease of camera %1: other stations kept changing it. Try again.</translation>
        </message>
        <message>
            <source>Could not upgrade the database %1 to schema version %2 (%3): %4. It was left as it was.</source>
            <translation>Could not upgrade the database %1 to schema version %2 (%3): %4. It was left as it was.</translation>
        </message>
        <message>
            <source>Could not upgrade the database to schema version %1 (%2): %3. The database was left at version %4.</source>
            <translation>Could not upgrade the database to schema version %1 (%2): %3. The database was left at version %4.</translation>
        </message>
        <message>
            <source>Could not write %1 to the destination: %2.</source>
            <translation>Could not write %1 to the destination: %2.</translation>
        </message>
        <message>
            <source>Could not write to the audit log: %1.</source>
            <translation>Could not write to the audit log: %1.</translation>
        </message>
        <message>
            <source>Do not put the password in the database address (it would end up in settings, shell history and logs). Leave it out; it is asked for separately.</source>
            <translation>Do not put the password in the database address (it would end up in settings, shell history and logs). Leave it out; it is asked for separately.</translation>
        </message>
        <message>
            <source>FFmpeg could not encode the demo footage.</source>
            <translation>FFmpeg could not encode the demo footage.</translation>
        </message>
        <message>
            <source>FFmpeg encoded no demo footage.</source>
            <translation>FFmpeg encoded no demo footage.</translation>
        </message>
        <message>
            <source>Footage from another PC is read over HTTPS only: use https://… for the recording server.</source>
            <translation>Footage from another PC is read over HTTPS only: use https://… for the recording server.</translation>
        </message>
        <message>
            <source>Give the ONVIF address as http://HOST:PORT or https://HOST:PORT (no user:password@).</source>
            <translation>Give the ONVIF address as http://HOST:PORT or https://HOST:PORT (no user:password@).</translation>
        </message>
        <message>
            <source>Give the password for the new username.</source>
            <translation>Give the password for the new username.</translation>
        </message>
        <message>
            <source>Give the password for this username.</source>
            <translation>Give the password for this username.</translation>
        </message>
        <message>
            <source>Hold %1 (case %2) was already lifted.</source>
            <translation>Hold %1 (case %2) was already lifted.</translation>
        </message>
        <message>
            <source>Invalid setting: %1.</source>
            <translation>Invalid setting: %1.</translation>
        </message>
        <message>
            <source>Log in first: nobody is logged in at this station to %1.</source>
            <translation>Log in first: nobody is logged in at this station to %1.</translation>
        </message>
        <message>
            <source>More than %1 access sessions match; choose a shorter period or one camera.</source>
            <translation>More than %1 access sessions match; choose a shorter period or one camera.</translation>
        </message>
        <message>
            <source>Name at least one camera (--camera ID|NAME[,...]).</source>
            <translation>Name at least one camera (--camera ID|NAME[,...]).</translation>
        </message>
        <message>
            <source>No font with Polish letters was found to print the document. %1</source>
            <translation>No font with Polish letters was found to print the document. %1</translation>
        </message>
        <message>
            <source>No token for the recording server was given.</source>
            <translation>No token for the recording server was given.</translation>
        </message>
        <message>
            <source>Not enough free space on %1: the export needs about %2 (with a 10 % margin) and %3 is free. Use a larger medium or a shorter time range.</source>
            <translation>Not enough free space on %1: the export needs about %2 (with a 10 % margin) and %3 is free. Use a larger medium or a shorter time range.</translation>
        </message>
        <message>
            <source>One group of pictures (%1 bytes) is larger than the part size (%2 bytes); it cannot be split.</source>
            <translation>One group of pictures (%1 bytes) is larger than the part size (%2 bytes); it cannot be split.</translation>
        </message>
        <message>
            <source>Only an https:// address has a certificate to trust.</source>
            <translation>Only an https:// address has a certificate to trust.</translation>
        </message>
        <message>
            <source>Opening the stream from %1 failed unexpectedly.</source>
            <translation>Opening the stream from %1 failed unexpectedly.</translation>
        </message>
        <message>
            <source>PTZ refused: camera %1 could not be taken over in the database: %2.</source>
            <translation>PTZ refused: camera %1 could not be taken over in the database: %2.</translation>
        </message>
        <message>
            <source>PTZ refused: the lease of camera %1 could not be taken in the database: %2.</source>
            <translation>PTZ refused: the lease of camera %1 could not be taken in the database: %2.</translation>
        </message>
        <message>
            <source>PTZ: %1, %2 — %3 (%4) is moving camera %5; it is free when they stop or after %6 s without a move.</source>
            <translation>PTZ: %1, %2 — %3 (%4) is moving camera %5; it is free when they stop or after %6 s without a move.</translation>
        </message>
        <message>
            <source>Reading back %1 from the medium gave different bytes than were written: the medium is faulty. Use another one.</source>
            <translation>Reading back %1 from the medium gave different bytes than were written: the medium is faulty. Use another one.</translation>
        </message>
        <message>
            <source>Reading or writing the video failed: %1.</source>
            <translation>Reading or writing the video failed: %1.</translation>
        </message>
        <message>
            <source>Recording failed for some cameras; it is retried automatically. See the log for details.</source>
            <translation>Recording failed for some cameras; it is retried automatically. See the log for details.</translation>
        </message>
        <message>
            <source>Recording stopped: the recordings disk is full. Live view goes on; recording resumes when space is freed.</source>
            <translation>Recording stopped: the recordings disk is full. Live view goes on; recording resumes when space is freed.</translation>
        </message>
        <message>
            <source>Recording stream must be 'main' or 'sub', not %1.</source>
            <translation>Recording stream must be 'main' or 'sub', not %1.</translation>
        </message>
        <message>
            <source>Recordings disk is full (%1 GB free) and nothing more may be deleted (held as evidence or within the legal minimum of %2 days). Recording will stop when the disk is full.</source>
            <translation>Recordings disk is full (%1 GB free) and nothing more may be deleted (held as evidence or within the legal minimum of %2 days). Recording will stop when the disk is full.</translation>
        </message>
        <message>
            <source>Recordings disk is full: the oldest footage was deleted before its retention period ended (%1 GB free). Add disk space or shorten retention.</source>
            <translation>Recordings disk is full: the oldest footage was deleted before its retention period ended (%1 GB free). Add disk space or shorten retention.</translation>
        </message>
        <message>
            <source>Recordings disk is getting full (%1 GB free). Below %2 GB the oldest footage will be deleted before its retention period ends.</source>
            <translation>Recordings disk is getting full (%1 GB free). Below %2 GB the oldest footage will be deleted before its retention period ends.</translation>
        </message>
        <message>
            <source>Retention must be a whole number of days from %1 to %2, not %3: the law allows %4.</source>
            <translation>Retention must be a whole number of days from %1 to %2, not %3: the law allows %4.</translation>
        </message>
        <message>
            <source>Schema version %1 (%2) cannot be applied to PostgreSQL: migrations after the baseline must be plain SQL.</source>
            <translation>Schema version %1 (%2) cannot be applied to PostgreSQL: migrations after the baseline must be plain SQL.</translation>
        </message>
        <message>
            <source>Segment %1 of camera %2 (%3 UTC) from the recording server %4 does not match the SHA-256 the recorder took when it closed the file: it was changed or damaged on the recorder's disk. It is not used, and no evidence package is made from it; tell the recorder's administrator.</source>
            <translation>Segment %1 of camera %2 (%3 UTC) from the recording server %4 does not match the SHA-256 the recorder took when it closed the file: it was changed or damaged on the recorder's disk. It is not used, and no evidence package is made from it; tell the recorder's administrator.</translation>
        </message>
        <message>
            <source>Some cameras' clocks are wrong; their recordings are timed by this station's clock instead.</source>
            <translation>Some cameras' clocks are wrong; their recordings are timed by this station's clock instead.</translation>
        </message>
        <message>
            <source>The %1 must be at most %2 characters without control characters.</source>
            <translation>The %1 must be at most %2 characters without control characters.</translation>
        </message>
        <message>
            <source>The %1 of the request is required.</source>
            <translation>The %1 of the request is required.</translation>
        </message>
        <message>
            <source>The PKCS#12 file could not be opened: wrong password or not a PKCS#12 file.</source>
            <translation>The PKCS#12 file could not be opened: wrong password or not a PKCS#12 file.</translation>
        </message>
        <message>
            <source>The PKCS#12 file must hold a private key and its certificate.</source>
            <translation>The PKCS#12 file must hold a private key and its certificate.</translation>
        </message>
        <message>
            <source>The PTZ command failed.</source>
            <translation>The PTZ command failed.</translation>
        </message>
        <message>
            <source>The PTZ lease of camera #%1 could not be released in the database: %2.</source>
            <translation>The PTZ lease of camera #%1 could not be released in the database: %2.</translation>
        </message>
        <message>
            <source>The PTZ leases could not be read from the database: %1.</source>
            <translation>The PTZ leases could not be read from the database: %1.</translation>
        </message>
        <message>
            <source>The PTZ queue of this camera is closed.</source>
            <translation>The PTZ queue of this camera is closed.</translation>
        </message>
        <message>
            <source>The RSA signing key is too short (%1 bits).</source>
            <translation>The RSA signing key is too short (%1 bits).</translation>
        </message>
        <message>
            <source>The account %1 is locked after %2 failed logins. A shift supervisor or an administrator can unlock it.</source>
            <translation>The account %1 is locked after %2 failed logins. A shift supervisor or an administrator can unlock it.</translation>
        </message>
        <message>
            <source>The audit log is damaged: %1.</source>
            <translation>The audit log is damaged: %1.</translation>
        </message>
        <message>
            <source>The bookmark must end after it starts (start %1, end %2).</source>
            <translation>The bookmark must end after it starts (start %1, end %2).</translation>
        </message>
        <message>
            <source>The camera at %1 answered %2%3 instead of sending the stream.</source>
            <translation>The camera at %1 answered %2%3 instead of sending the stream.</translation>
        </message>
        <message>
            <source>The camera at %1 answered HTTP %2 to %3.</source>
            <translation>The camera at %1 answered HTTP %2 to %3.</translation>
        </message>
        <message>
            <source>The camera at %1 answered but did not send a playable stream.</source>
            <translation>The camera at %1 answered but did not send a playable stream.</translation>
        </message>
        <message>
            <source>The camera at %1 cannot be reached. Check its address and the network.</source>
            <translation>The camera at %1 cannot be reached. Check its address and the network.</translation>
        </message>
        <message>
            <source>The camera at %1 created no usable event subscription.</source>
            <translation>The camera at %1 created no usable event subscription.</translation>
        </message>
        <message>
            <source>The camera at %1 did not answer %2 in time.</source>
            <translation>The camera at %1 did not answer %2 in time.</translation>
        </message>
        <message>
            <source>The camera at %1 did not answer within %2 s. Check that it is powered and on the network.</source>
            <translation>The camera at %1 did not answer within %2 s. Check that it is powered and on the network.</translation>
        </message>
        <message>
            <source>The camera at %1 does not support ONVIF events (%2 refused).</source>
            <translation>The camera at %1 does not support ONVIF events (%2 refused).</translation>
        </message>
        <message>
            <source>The camera at %1 does not support ONVIF events (it reports no event service).</source>
            <translation>The camera at %1 does not support ONVIF events (it reports no event service).</translation>
        </message>
        <message>
            <source>The camera at %1 ended the stream. Reconnecting.</source>
            <translation>The camera at %1 ended the stream. Reconnecting.</translation>
        </message>
        <message>
            <source>The camera at %1 has no stream at this path. Check the stream address.</source>
            <translation>The camera at %1 has no stream at this path. Check the stream address.</translation>
        </message>
        <message>
            <source>The camera at %1 refused %2: %3</source>
            <translation>The camera at %1 refused %2: %3</translation>
        </message>
        <message>
            <source>The camera at %1 refused the connection. Check the port and that its RTSP service is on.</source>
            <translation>The camera at %1 refused the connection. Check the port and that its RTSP service is on.</translation>
        </message>
        <message>
            <source>The camera at %1 refused the user name or password. Check the credentials saved for this camera.</source>
            <translation>The camera at %1 refused the user name or password. Check the credentials saved for this camera.</translation>
        </message>
        <message>
            <source>The camera at %1 refused the username or password for events (or its clock is far off).</source>
            <translation>The camera at %1 refused the username or password for events (or its clock is far off).</translation>
        </message>
        <message>
            <source>The camera at %1 sent a reply with a DTD; it was rejected as unsafe.</source>
            <translation>The camera at %1 sent a reply with a DTD; it was rejected as unsafe.</translation>
        </message>
        <message>
            <source>The camera at %1 sent a reply without a SOAP body.</source>
            <translation>The camera at %1 sent a reply without a SOAP body.</translation>
        </message>
        <message>
            <source>The camera at %1 sent an event reply over %2 MiB; it was refused and the subscription is renewed.</source>
            <translation>The camera at %1 sent an event reply over %2 MiB; it was refused and the subscription is renewed.</translation>
        </message>
        <message>
            <source>The camera at %1 sent an event reply that is not valid XML.</source>
            <translation>The camera at %1 sent an event reply that is not valid XML.</translation>
        </message>
        <message>
            <source>The camera at %1 stopped sending video for %2 s. Reconnecting.</source>
            <translation>The camera at %1 stopped sending video for %2 s. Reconnecting.</translation>
        </message>
        <message>
            <source>The camera has no ONVIF %1 service.</source>
            <translation>The camera has no ONVIF %1 service.</translation>
        </message>
        <message>
            <source>The camera list could not be changed: %1.</source>
            <translation>The camera list could not be changed: %1.</translation>
        </message>
        <message>
            <source>The camera list was not changed: %1.</source>
            <translation>The camera list was not changed: %1.</translation>
        </message>
        <message>
            <source>The camera name %1 is only digits, which would be read as a camera id. Add a letter, e.g. 'Camera %2'.</source>
            <translation>The camera name %1 is only digits, which would be read as a camera id. Add a letter, e.g. 'Camera %2'.</translation>
        </message>
        <message>
            <source>The camera name is too long (%1 characters; at most %2).</source>
            <translation>The camera name is too long (%1 characters; at most %2).</translation>
        </message>
        <message>
            <source>The camera name must not contain control characters or text-direction marks (found %1).</source>
            <translation>The camera name must not contain control characters or text-direction marks (found %1).</translation>
        </message>
        <message>
            <source>The camera needs a name.</source>
            <translation>The camera needs a name.</translation>
        </message>
        <message>
            <source>The camera reports no media profiles.</source>
            <translation>The camera reports no media profiles.</translation>
        </message>
        <message>
            <source>The camera's credentials could not be read.</source>
            <translation>The camera's credentials could not be read.</translation>
        </message>
        <message>
            <source>The camera's events failed unexpectedly.</source>
            <translation>The camera's events failed unexpectedly.</translation>
        </message>
        <message>
            <source>The cameras must be a list of camera ids.</source>
            <translation>The cameras must be a list of camera ids.</translation>
        </message>
        <message>
            <source>The case number must be at most %1 printable characters.</source>
            <translation>The case number must be at most %1 printable characters.</translation>
        </message>
        <message>
            <source>The certificate does not belong to the signing key.</source>
            <translation>The certificate does not belong to the signing key.</translation>
        </message>
        <message>
            <source>The certificate of %1 is not the pinned one; events were not read.</source>
            <translation>The certificate of %1 is not the pinned one; events were not read.</translation>
        </message>
        <message>
            <source>The certificate of %1 is not trusted. Check it and trust it explicitly (pin its fingerprint) if it is the camera's own.</source>
            <translation>The certificate of %1 is not trusted. Check it and trust it explicitly (pin its fingerprint) if it is the camera's own.</translation>
        </message>
        <message>
            <source>The comment is longer than %1 characters.</source>
            <translation>The comment is longer than %1 characters.</translation>
        </message>
        <message>
            <source>The connection to the recording server at %1 broke (%2).</source>
            <translation>The connection to the recording server at %1 broke (%2).</translation>
        </message>
        <message>
            <source>The database %1 already holds other tables; create the deployment in an empty database. Nothing was changed.</source>
            <translation>The database %1 already holds other tables; create the deployment in an empty database. Nothing was changed.</translation>
        </message>
        <message>
            <source>The database %1 already is a videowall deployment (schema version %2); join it with 'videowall station join URL' instead.</source>
            <translation>The database %1 already is a videowall deployment (schema version %2); join it with 'videowall station join URL' instead.</translation>
        </message>
        <message>
            <source>The database %1 cannot use write-ahead logging (journal mode %2).</source>
            <translation>The database %1 cannot use write-ahead logging (journal mode %2).</translation>
        </message>
        <message>
            <source>The database %1 is damaged (%2) and could not be moved aside: %3. Move or delete it, then start again.</source>
            <translation>The database %1 is damaged (%2) and could not be moved aside: %3. Move or delete it, then start again.</translation>
        </message>
        <message>
            <source>The database %1 is damaged (%2). It was kept as %3; nothing was deleted.</source>
            <translation>The database %1 is damaged (%2). It was kept as %3; nothing was deleted.</translation>
        </message>
        <message>
            <source>The database %1 is not a videowall deployment yet. Create it with 'videowall server init --db URL' first.</source>
            <translation>The database %1 is not a videowall deployment yet. Create it with 'videowall server init --db URL' first.</translation>
        </message>
        <message>
            <source>The database %1 was created by a newer videowall (schema version %2; this version knows up to %3). It was left untouched. Upgrade videowall on this station.</source>
            <translation>The database %1 was created by a newer videowall (schema version %2; this version knows up to %3). It was left untouched. Upgrade videowall on this station.</translation>
        </message>
        <message>
            <source>The database %1 was created by a newer videowall (schema version %2; this version knows up to %3). It was left untouched. Upgrade videowall to open it.</source>
            <translation>The database %1 was created by a newer videowall (schema version %2; this version knows up to %3). It was left untouched. Upgrade videowall to open it.</translation>
        </message>
        <message>
            <source>The database address must look like postgresql://user@host:5432/videowall.</source>
            <translation>The database address must look like postgresql://user@host:5432/videowall.</translation>
        </message>
        <message>
            <source>The database address must start with postgresql:// (got %1://).</source>
            <translation>The database address must start with postgresql:// (got %1://).</translation>
        </message>
        <message>
            <source>The database address needs a user, a host and a database name: postgresql://user@host:5432/videowall.</source>
            <translation>The database address needs a user, a host and a database name: postgresql://user@host:5432/videowall.</translation>
        </message>
        <message>
            <source>The database server %1 cannot be reached; nothing was saved by this action.</source>
            <translation>The database server %1 cannot be reached; nothing was saved by this action.</translation>
        </message>
        <message>
            <source>The debounce time cannot be negative.</source>
            <translation>The debounce time cannot be negative.</translation>
        </message>
        <message>
            <source>The demo's recorded footage needs FFmpeg: install the 'ffmpeg' package.</source>
            <translation>The demo's recorded footage needs FFmpeg: install the 'ffmpeg' package.</translation>
        </message>
        <message>
            <source>The deployment must be 'straz' (Straż Miejska/Gminna) or 'gmina' (municipal monitoring), not %1.</source>
            <translation>The deployment must be 'straz' (Straż Miejska/Gminna) or 'gmina' (municipal monitoring), not %1.</translation>
        </message>
        <message>
            <source>The destination %1 (%2).</source>
            <translation>The destination %1 (%2).</translation>
        </message>
        <message>
            <source>The destination folder %1 does not exist.</source>
            <translation>The destination folder %1 does not exist.</translation>
        </message>
        <message>
            <source>The destination is full: %1 could not be written completely.</source>
            <translation>The destination is full: %1 could not be written completely.</translation>
        </message>
        <message>
            <source>The device at %1 answered %2 with HTTP %3 and no SOAP reply.</source>
            <translation>The device at %1 answered %2 with HTTP %3 and no SOAP reply.</translation>
        </message>
        <message>
            <source>The device at %1 answered %2 with an error that is not a SOAP fault.</source>
            <translation>The device at %1 answered %2 with an error that is not a SOAP fault.</translation>
        </message>
        <message>
            <source>The device at %1 did not answer in time.</source>
            <translation>The device at %1 did not answer in time.</translation>
        </message>
        <message>
            <source>The device at %1 did not finish its reply in time.</source>
            <translation>The device at %1 did not finish its reply in time.</translation>
        </message>
        <message>
            <source>The device at %1 refused %2: %3</source>
            <translation>The device at %1 refused %2: %3</translation>
        </message>
        <message>
            <source>The device at %1 refused the username or password (or its clock is far off).</source>
            <translation>The device at %1 refused the username or password (or its clock is far off).</translation>
        </message>
        <message>
            <source>The device at %1 sent %2 to %3.</source>
            <translation>The device at %1 sent %2 to %3.</translation>
        </message>
        <message>
            <source>The device at %1 sent a reply larger than %2 MB; it was refused (raise the limit only for a device known to send such replies).</source>
            <translation>The device at %1 sent a reply larger than %2 MB; it was refused (raise the limit only for a device known to send such replies).</translation>
        </message>
        <message>
            <source>The device at %1 sent a reply to %2 that is not valid XML.</source>
            <translation>The device at %1 sent a reply to %2 that is not valid XML.</translation>
        </message>
        <message>
            <source>The device at %1 sent a reply to %2 that lacks %3.</source>
            <translation>The device at %1 sent a reply to %2 that lacks %3.</translation>
        </message>
        <message>
            <source>The device at %1 sent a reply to %2 that this station cannot read.</source>
            <translation>The device at %1 sent a reply to %2 that this station cannot read.</translation>
        </message>
        <message>
            <source>The device at %1 sent a reply with a DTD, entities or external references; it was rejected as unsafe.</source>
            <translation>The device at %1 sent a reply with a DTD, entities or external references; it was rejected as unsafe.</translation>
        </message>
        <message>
            <source>The end of the period must be after its start.</source>
            <translation>The end of the period must be after its start.</translation>
        </message>
        <message>
            <source>The end of the time range must be after its start.</source>
            <translation>The end of the time range must be after its start.</translation>
        </message>
        <message>
            <source>The event subscription is not open.</source>
            <translation>The event subscription is not open.</translation>
        </message>
        <message>
            <source>The evidence signing key in %1 cannot be read (%2).</source>
            <translation>The evidence signing key in %1 cannot be read (%2).</translation>
        </message>
        <message>
            <source>The exhibit id %1 must be 1–64 ASCII letters, digits, '.', '_' or '-' (it becomes the folder name on the medium), e.g. SM-2026-000123.</source>
            <translation>The exhibit id %1 must be 1–64 ASCII letters, digits, '.', '_' or '-' (it becomes the folder name on the medium), e.g. SM-2026-000123.</translation>
        </message>
        <message>
            <source>The footage server cannot listen on %1:%2: %3.</source>
            <translation>The footage server cannot listen on %1:%2: %3.</translation>
        </message>
        <message>
            <source>The footage server did not start in time.</source>
            <translation>The footage server did not start in time.</translation>
        </message>
        <message>
            <source>The free-space floor must be zero or more bytes.</source>
            <translation>The free-space floor must be zero or more bytes.</translation>
        </message>
        <message>
            <source>The free-space warning level must be at or above the free-space floor.</source>
            <translation>The free-space warning level must be at or above the free-space floor.</translation>
        </message>
        <message>
            <source>The hold must end after it starts.</source>
            <translation>The hold must end after it starts.</translation>
        </message>
        <message>
            <source>The hold's start and end need a time zone.</source>
            <translation>The hold's start and end need a time zone.</translation>
        </message>
        <message>
            <source>The package %1 is complete and verified, but the audit log could not record it: %2</source>
            <translation>The package %1 is complete and verified, but the audit log could not record it: %2</translation>
        </message>
        <message>
            <source>The part size must be at least 256 KiB.</source>
            <translation>The part size must be at least 256 KiB.</translation>
        </message>
        <message>
            <source>The passphrase of the evidence signing key (%1) is not in the OS keyring. Import the signing certificate again (PKCS#12), or move the signing folder away to create a new station key.</source>
            <translation>The passphrase of the evidence signing key (%1) is not in the OS keyring. Import the signing certificate again (PKCS#12), or move the signing folder away to create a new station key.</translation>
        </message>
        <message>
            <source>The password of the shared database %1 is not in this station's keyring. Join again: videowall station join URL --password-stdin.</source>
            <translation>The password of the shared database %1 is not in this station's keyring. Join again: videowall station join URL --password-stdin.</translation>
        </message>
        <message>
            <source>The period holds more than %1 events; choose a shorter period.</source>
            <translation>The period holds more than %1 events; choose a shorter period.</translation>
        </message>
        <message>
            <source>The period of the activity record needs a time zone.</source>
            <translation>The period of the activity record needs a time zone.</translation>
        </message>
        <message>
            <source>The pre-roll and the post-roll cannot both be 0: the bookmark would cover no footage.</source>
            <translation>The pre-roll and the post-roll cannot both be 0: the bookmark would cover no footage.</translation>
        </message>
        <message>
            <source>The reason must be at most %1 printable characters.</source>
            <translation>The reason must be at most %1 printable characters.</translation>
        </message>
        <message>
            <source>The recorder could not keep up for a moment; the timeline shows the gaps.</source>
            <translation>The recorder could not keep up for a moment; the timeline shows the gaps.</translation>
        </message>
        <message>
            <source>The recording %1 has no video stream.</source>
            <translation>The recording %1 has no video stream.</translation>
        </message>
        <message>
            <source>The recording server at %1 answered %2: %3.</source>
            <translation>The recording server at %1 answered %2: %3.</translation>
        </message>
        <message>
            <source>The recording server at %1 cannot be reached (%2). Check that it runs and that the network to it works.</source>
            <translation>The recording server at %1 cannot be reached (%2). Check that it runs and that the network to it works.</translation>
        </message>
        <message>
            <source>The recording server at %1 did not answer in time.</source>
            <translation>The recording server at %1 did not answer in time.</translation>
        </message>
        <message>
            <source>The recording server at %1 refused this station's session (%2) Ask for a new token on the recorder: videowall recorder token --user NAME.</source>
            <translation>The recording server at %1 refused this station's session (%2) Ask for a new token on the recorder: videowall recorder token --user NAME.</translation>
        </message>
        <message>
            <source>The recording server at %1 sent an unreadable answer.</source>
            <translation>The recording server at %1 sent an unreadable answer.</translation>
        </message>
        <message>
            <source>The recording server at %1 showed a certificate this station does not trust (%2). Give the recorder's CA certificate (--recorder-ca).</source>
            <translation>The recording server at %1 showed a certificate this station does not trust (%2). Give the recorder's CA certificate (--recorder-ca).</translation>
        </message>
        <message>
            <source>The recording server sent a segment description this station cannot read (%1: %2); are both on the same videowall version?</source>
            <translation>The recording server sent a segment description this station cannot read (%1: %2); are both on the same videowall version?</translation>
        </message>
        <message>
            <source>The recording server sent gaps this station cannot read.</source>
            <translation>The recording server sent gaps this station cannot read.</translation>
        </message>
        <message>
            <source>The recordings folder %1 is missing or is not the one recorded to before (no %2 file). If its disk is not mounted, mount it and start again.</source>
            <translation>The recordings folder %1 is missing or is not the one recorded to before (no %2 file). If its disk is not mounted, mount it and start again.</translation>
        </message>
        <message>
            <source>The recordings of camera %1 (%2) hold no frame in the requested time range.</source>
            <translation>The recordings of camera %1 (%2) hold no frame in the requested time range.</translation>
        </message>
        <message>
            <source>The settings file %1 is damaged (%2) and could not be moved aside (%3). Default settings are used; fix or remove the file.</source>
            <translation>The settings file %1 is damaged (%2) and could not be moved aside (%3). Default settings are used; fix or remove the file.</translation>
        </message>
        <message>
            <source>The settings file %1 is damaged (%2). It was kept as %3 and default settings are used until you save new ones.</source>
            <translation>The settings file %1 is damaged (%2). It was kept as %3 and default settings are used until you save new ones.</translation>
        </message>
        <message>
            <source>The settings file %1 was written by a newer videowall (settings version %2; this version understands up to %3). It was left untouched and will not be overwritten; default settings are used. Upgrade videowall to use it.</source>
            <translation>The settings file %1 was written by a newer videowall (settings version %2; this version understands up to %3). It was left untouched and will not be overwritten; default settings are used. Upgrade videowall to use it.</translation>
        </message>
        <message>
            <source>The signature read back from the medium does not verify (%1).</source>
            <translation>The signature read back from the medium does not verify (%1).</translation>
        </message>
        <message>
            <source>The signing key must be RSA or ECDSA.</source>
            <translation>The signing key must be RSA or ECDSA.</translation>
        </message>
        <message>
            <source>The station database has lost its station identity, so camera passwords cannot be found. Restore the database from a backup.</source>
            <translation>The station database has lost its station identity, so camera passwords cannot be found. Restore the database from a backup.</translation>
        </message>
        <message>
            <source>The station is closing; PTZ is not available.</source>
            <translation>The station is closing; PTZ is not available.</translation>
        </message>
        <message>
            <source>The station is closing; bookmarks are not available.</source>
            <translation>The station is closing; bookmarks are not available.</translation>
        </message>
        <message>
            <source>The station is closing; recordings are not available.</source>
            <translation>The station is closing; recordings are not available.</translation>
        </message>
        <message>
            <source>The station's deployment file %1 is unreadable (%2). Join again with 'videowall station join URL', or delete the file to use this station's own database.</source>
            <translation>The station's deployment file %1 is unreadable (%2). Join again with 'videowall station join URL', or delete the file to use this station's own database.</translation>
        </message>
        <message>
            <source>The stored credentials of camera %1 are unreadable. Enter the username and password again.</source>
            <translation>The stored credentials of camera %1 are unreadable. Enter the username and password again.</translation>
        </message>
        <message>
            <source>The stored view '%1' is damaged: %2.</source>
            <translation>The stored view '%1' is damaged: %2.</translation>
        </message>
        <message>
            <source>The stream address contains a user name or password. Remove them from the address and enter them in the camera's user and password fields instead.</source>
            <translation>The stream address contains a user name or password. Remove them from the address and enter them in the camera's user and password fields instead.</translation>
        </message>
        <message>
            <source>The stream address contains control characters.</source>
            <translation>The stream address contains control characters.</translation>
        </message>
        <message>
            <source>The stream address contains spaces. Remove them (encode a space in a path as %20).</source>
            <translation>The stream address contains spaces. Remove them (encode a space in a path as %20).</translation>
        </message>
        <message>
            <source>The stream address has an invalid port '%1': use a number from 1 to 65535.</source>
            <translation>The stream address has an invalid port '%1': use a number from 1 to 65535.</translation>
        </message>
        <message>
            <source>The stream address has no camera host. Enter an address like rtsp://camera-host:554/stream.</source>
            <translation>The stream address has no camera host. Enter an address like rtsp://camera-host:554/stream.</translation>
        </message>
        <message>
            <source>The stream address is empty. Enter an address like rtsp://camera-host:554/stream.</source>
            <translation>The stream address is empty. Enter an address like rtsp://camera-host:554/stream.</translation>
        </message>
        <message>
            <source>The stream address is malformed (check the brackets around an IPv6 host).</source>
            <translation>The stream address is malformed (check the brackets around an IPv6 host).</translation>
        </message>
        <message>
            <source>The stream address must start with rtsp:// or rtsps://.</source>
            <translation>The stream address must start with rtsp:// or rtsps://.</translation>
        </message>
        <message>
            <source>The stream from %1 has no video track.</source>
            <translation>The stream from %1 has no video track.</translation>
        </message>
        <message>
            <source>The stream from %1 was lost. Reconnecting.</source>
            <translation>The stream from %1 was lost. Reconnecting.</translation>
        </message>
        <message>
            <source>The stream stopped because of an internal error.</source>
            <translation>The stream stopped because of an internal error.</translation>
        </message>
        <message>
            <source>The time range is longer than 7 days; export it in several packages.</source>
            <translation>The time range is longer than 7 days; export it in several packages.</translation>
        </message>
        <message>
            <source>The time range must carry a time zone.</source>
            <translation>The time range must carry a time zone.</translation>
        </message>
        <message>
            <source>The user name must be 1 to %1 printable characters.</source>
            <translation>The user name must be 1 to %1 printable characters.</translation>
        </message>
        <message>
            <source>The user was not added: %1.</source>
            <translation>The user was not added: %1.</translation>
        </message>
        <message>
            <source>The username must be text without control characters.</source>
            <translation>The username must be text without control characters.</translation>
        </message>
        <message>
            <source>The video library cannot open this kind of address (camera at %1).</source>
            <translation>The video library cannot open this kind of address (camera at %1).</translation>
        </message>
        <message>
            <source>There is no alarm %1.</source>
            <translation>There is no alarm %1.</translation>
        </message>
        <message>
            <source>There is no bookmark with id %1.</source>
            <translation>There is no bookmark with id %1.</translation>
        </message>
        <message>
            <source>There is no camera named %1.</source>
            <translation>There is no camera named %1.</translation>
        </message>
        <message>
            <source>There is no camera with id %1.</source>
            <translation>There is no camera with id %1.</translation>
        </message>
        <message>
            <source>There is no camera with id %1; pick the cameras again.</source>
            <translation>There is no camera with id %1; pick the cameras again.</translation>
        </message>
        <message>
            <source>There is no legal hold with id %1.</source>
            <translation>There is no legal hold with id %1.</translation>
        </message>
        <message>
            <source>There is no recording of camera %1 (%2) between %3 and %4 UTC. Choose a time range with footage.</source>
            <translation>There is no recording of camera %1 (%2) between %3 and %4 UTC. Choose a time range with footage.</translation>
        </message>
        <message>
            <source>There is no user %1.</source>
            <translation>There is no user %1.</translation>
        </message>
        <message>
            <source>There is no view named '%1'.</source>
            <translation>There is no view named '%1'.</translation>
        </message>
        <message>
            <source>These bookmark fields cannot be edited: %1 (editable: %2).</source>
            <translation>These bookmark fields cannot be edited: %1 (editable: %2).</translation>
        </message>
        <message>
            <source>This camera has no PTZ service.</source>
            <translation>This camera has no PTZ service.</translation>
        </message>
        <message>
            <source>This camera has no PTZ.</source>
            <translation>This camera has no PTZ.</translation>
        </message>
        <message>
            <source>This camera was not added by ONVIF, so it has no PTZ control.</source>
            <translation>This camera was not added by ONVIF, so it has no PTZ control.</translation>
        </message>
        <message>
            <source>This database has no audit log table; it was opened without the "audit log" migration.</source>
            <translation>This database has no audit log table; it was opened without the "audit log" migration.</translation>
        </message>
        <message>
            <source>This deployment requires a reason and a case number to play back recordings: give both.</source>
            <translation>This deployment requires a reason and a case number to play back recordings: give both.</translation>
        </message>
        <message>
            <source>This deployment requires a reason and a case number to watch this live video: give both.</source>
            <translation>This deployment requires a reason and a case number to watch this live video: give both.</translation>
        </message>
        <message>
            <source>This station was opened without streams; it cannot record.</source>
            <translation>This station was opened without streams; it cannot record.</translation>
        </message>
        <message>
            <source>Unknown PTZ command.</source>
            <translation>Unknown PTZ command.</translation>
        </message>
        <message>
            <source>Unknown category %1; choose one of: %2.</source>
            <translation>Unknown category %1; choose one of: %2.</translation>
        </message>
        <message>
            <source>Unknown database option %1; the address may carry only %2.</source>
            <translation>Unknown database option %1; the address may carry only %2.</translation>
        </message>
        <message>
            <source>Unknown keyring %1: use 'os' or 'memory' (set by %2).</source>
            <translation>Unknown keyring %1: use 'os' or 'memory' (set by %2).</translation>
        </message>
        <message>
            <source>Unknown signing key type %1; use one of %2.</source>
            <translation>Unknown signing key type %1; use one of %2.</translation>
        </message>
        <message>
            <source>Unsupported address type '%1://': only rtsp:// and rtsps:// are supported.</source>
            <translation>Unsupported address type '%1://': only rtsp:// and rtsps:// are supported.</translation>
        </message>
        <message>
            <source>Writing the export failed: %1.</source>
            <translation>Writing the export failed: %1.</translation>
        </message>
        <message>
            <source>bookmark_categories must be a non-empty list of category names</source>
            <translation>bookmark_categories must be a non-empty list of category names</translation>
        </message>
        <message>
            <source>bookmark_categories must hold names of 1 to 100 characters without control characters or surrounding spaces, not %1</source>
            <translation>bookmark_categories must hold names of 1 to 100 characters without control characters or surrounding spaces, not %1</translation>
        </message>
        <message>
            <source>bookmark_categories must not name a category twice</source>
            <translation>bookmark_categories must not name a category twice</translation>
        </message>
        <message>
            <source>bookmark_pre_roll_s and bookmark_post_roll_s cannot both be 0</source>
            <translation>bookmark_pre_roll_s and bookmark_post_roll_s cannot both be 0</translation>
        </message>
        <message>
            <source>entries %1–%2 were deleted from the end of the log (sequence numbers up to %3 were issued)</source>
            <translation>entries %1–%2 were deleted from the end of the log (sequence numbers up to %3 were issued)</translation>
        </message>
        <message>
            <source>entry %1: %2</source>
            <translation>entry %1: %2</translation>
        </message>
        <message>
            <source>entry %1: does not match the anchor %2… recorded outside the log</source>
            <translation>entry %1: does not match the anchor %2… recorded outside the log</translation>
        </message>
        <message>
            <source>entry %1: its content does not match its hash (edited?)</source>
            <translation>entry %1: its content does not match its hash (edited?)</translation>
        </message>
        <message>
            <source>entry %1: its details were rewritten (not in canonical form)</source>
            <translation>entry %1: its details were rewritten (not in canonical form)</translation>
        </message>
        <message>
            <source>entry %1: its link to entry %2 is broken (entry %3 was changed or replaced, or this one was)</source>
            <translation>entry %1: its link to entry %2 is broken (entry %3 was changed or replaced, or this one was)</translation>
        </message>
        <message>
            <source>it has unknown settings: %1%2</source>
            <translation>it has unknown settings: %1%2</translation>
        </message>
        <message>
            <source>it is larger than %1 KiB</source>
            <translation>it is larger than %1 KiB</translation>
        </message>
        <message>
            <source>it is nested too deeply to be settings</source>
            <translation>it is nested too deeply to be settings</translation>
        </message>
        <message>
            <source>it is not UTF-8 text (%1 at byte %2)</source>
            <translation>it is not UTF-8 text (%1 at byte %2)</translation>
        </message>
        <message>
            <source>it is not readable JSON: %1</source>
            <translation>it is not readable JSON: %1</translation>
        </message>
        <message>
            <source>max_live_decoders must be a whole number from 1 to 64, not %1</source>
            <translation>max_live_decoders must be a whole number from 1 to 64, not %1</translation>
        </message>
        <message>
            <source>max_warm_sessions must be a whole number from 0 to 256, not %1</source>
            <translation>max_warm_sessions must be a whole number from 0 to 256, not %1</translation>
        </message>
        <message>
            <source>reasons_required must be a list of %1, not %2</source>
            <translation>reasons_required must be a list of %1, not %2</translation>
        </message>
        <message>
            <source>reconnect_max_backoff_s must be a number of seconds from 1 to 3600, not %1</source>
            <translation>reconnect_max_backoff_s must be a number of seconds from 1 to 3600, not %1</translation>
        </message>
        <message>
            <source>recordings_dir must be a folder path (without control characters) or null</source>
            <translation>recordings_dir must be a folder path (without control characters) or null</translation>
        </message>
        <message>
            <source>station_name must be text of at most 100 characters without control characters</source>
            <translation>station_name must be text of at most 100 characters without control characters</translation>
        </message>
        <message>
            <source>the append-only protection was removed (missing triggers: %1)</source>
            <translation>the append-only protection was removed (missing triggers: %1)</translation>
        </message>
        <message>
            <source>the file name %1 contains control characters</source>
            <translation>the file name %1 contains control characters</translation>
        </message>
        <message>
            <source>the file name %1 is absolute; a package names its files relative to its folder</source>
            <translation>the file name %1 is absolute; a package names its files relative to its folder</translation>
        </message>
        <message>
            <source>the file name %1 is not a relative path</source>
            <translation>the file name %1 is not a relative path</translation>
        </message>
        <message>
            <source>the file name %1 leaves the package folder or is not plain (no '..', '.' or '//')</source>
            <translation>the file name %1 leaves the package folder or is not plain (no '..', '.' or '//')</translation>
        </message>
        <message>
            <source>timezone must be an IANA zone such as 'Europe/Warsaw', not %1</source>
            <translation>timezone must be an IANA zone such as 'Europe/Warsaw', not %1</translation>
        </message>
        <message>
            <source>ui_language must be a language code such as 'pl' or 'en', not %1</source>
            <translation>ui_language must be a language code such as 'pl' or 'en', not %1</translation>
        </message>
        <message>
            <source>version must be %1, not %2</source>
            <translation>version must be %1, not %2</translation>
        </message>
        <message>
            <source>wall_repaint_hz must be a whole number from 1 to 120, not %1</source>
            <translation>wall_repaint_hz must be a whole number from 1 to 120, not %1</translation>
        </message>
    </context>
</TS>
