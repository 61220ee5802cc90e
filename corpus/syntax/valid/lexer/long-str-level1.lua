s = [=[contains ]] inside]=]
