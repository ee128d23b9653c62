#!/usr/bin/env bash
# Placeholder: passes the build output through.
cat
