<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL" sourcelanguage="en">
<context>
    <name>LoginDialog</name>
    <message><source>&amp;Account</source><translation>&amp;Konto</translation></message>
    <message><source>Lock / switch user…</source><translation>Zablokuj / zmień użytkownika…</translation></message>
    <message><source>Locked: nobody is logged in</source><translation>Zablokowane: nikt nie jest zalogowany</translation></message>
    <message><source>Log in</source><translation>Logowanie</translation></message>
    <message><source>Login</source><translation>Login</translation></message>
    <message><source>Password</source><translation>Hasło</translation></message>
    <message><source>Switch user</source><translation>Zmiana użytkownika</translation></message>
</context>
</TS>
