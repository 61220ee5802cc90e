repeat repeat local a = 1 until a until b
