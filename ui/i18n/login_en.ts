<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>LoginDialog</name>
    <message><source>&amp;Account</source><translation>&amp;Account</translation></message>
    <message><source>Lock / switch user…</source><translation>Lock / switch user…</translation></message>
    <message><source>Locked: nobody is logged in</source><translation>Locked: nobody is logged in</translation></message>
    <message><source>Log in</source><translation>Log in</translation></message>
    <message><source>Login</source><translation>Login</translation></message>
    <message><source>Password</source><translation>Password</translation></message>
    <message><source>Switch user</source><translation>Switch user</translation></message>
</context>
</TS>
