@echo off
rem tools\grade-class.cmd: see docs\INSTRUCTOR.md. Arguments are passed to socketlabs.instructor.GradeClass.
call "%~dp0run.cmd" GradeClass %*
