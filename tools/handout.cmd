@echo off
rem tools\handout.cmd: see docs\INSTRUCTOR.md. Arguments are passed to socketlabs.instructor.Handout.
call "%~dp0run.cmd" Handout %*
