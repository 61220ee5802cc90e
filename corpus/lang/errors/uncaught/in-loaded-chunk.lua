-- An uncaught error raised inside a chunk created by load.
local chunk = load('local a = ...\nreturn a.field', '=loaded')
print(pcall(chunk, {field = 'ok'}))
chunk(nil)
