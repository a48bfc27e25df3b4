@echo off
rem Runs one of the instructor's tools on Windows: tools\run.cmd MAIN_CLASS ARGS...
rem It compiles the toolkit and writes its runtime classpath (dependency:build-classpath), then starts the tool.
rem SOCKETLABS_MVN picks the Maven command (default: mvnw.cmd); SOCKETLABS_MVN_ARGS adds Maven flags.
setlocal
set "ROOT=%~dp0.."
set "MAIN=%1"
shift
set "ARGS="
:collect
if "%~1"=="" goto done
set ARGS=%ARGS% %1
shift
goto collect
:done
if "%SOCKETLABS_MVN%"=="" set "SOCKETLABS_MVN=%ROOT%\mvnw.cmd"
call "%SOCKETLABS_MVN%" -B -ntp -q %SOCKETLABS_MVN_ARGS% -f "%ROOT%\pom.xml" -pl grading,instructor compile dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=target/tool-classpath.txt || exit /b 1
set /p DEPS=<"%ROOT%\instructor\target\tool-classpath.txt"
set "JAVA=java"
if not "%JAVA_HOME%"=="" set "JAVA=%JAVA_HOME%\bin\java"
"%JAVA%" -XX:TieredStopAtLevel=1 -Dsocketlabs.root="%ROOT%" -Dsocketlabs.mvn="%SOCKETLABS_MVN%" -cp "%ROOT%\instructor\target\classes;%ROOT%\grading\target\classes;%DEPS%" socketlabs.instructor.%MAIN% %ARGS%
