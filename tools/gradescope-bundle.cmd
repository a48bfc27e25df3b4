@echo off
rem tools\gradescope-bundle.cmd: see docs\INSTRUCTOR.md. Arguments are passed to socketlabs.instructor.GradescopeBundle.
call "%~dp0run.cmd" GradescopeBundle %*
