#!/usr/bin/lua
x = 1
y = = 2
