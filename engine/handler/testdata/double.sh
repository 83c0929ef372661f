#!/bin/sh
# Reads {"n": N} and answers {"doubled": 2N}.
read -r line
n=$(printf '%s' "$line" | sed 's/[^0-9]//g')
printf '{"doubled": %d}\n' $((n * 2))
