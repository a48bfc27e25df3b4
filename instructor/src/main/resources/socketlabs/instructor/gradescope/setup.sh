#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (Ubuntu base image).
# It installs a JDK (and git, for students who hand in a git bundle; bubblewrap, the sandbox each test
# JVM runs in) and builds the course once, so that Maven, every dependency and the compiled course are
# in the image and grading runs offline.
set -euo pipefail
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jdk-headless git ca-certificates bubblewrap util-linux
cd /autograder/source/course
chmod +x mvnw tools/* /autograder/source/run_autograder
tools/grade --prepare-only
