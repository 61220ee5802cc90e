-- _VERSION names the language version.
print(_VERSION, type(_VERSION))
print(_G._VERSION == _VERSION)
