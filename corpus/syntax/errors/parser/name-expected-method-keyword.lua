t:end()
