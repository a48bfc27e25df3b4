@echo off
rem tools\benchmark-class.cmd: see docs\INSTRUCTOR.md. Arguments are passed to socketlabs.instructor.ClassBenchmark.
call "%~dp0run.cmd" ClassBenchmark %*
