@echo off
rem tools\grade.cmd: see docs\INSTRUCTOR.md. Arguments are passed to socketlabs.instructor.Grade.
call "%~dp0run.cmd" Grade %*
