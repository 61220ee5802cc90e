local x <close> = f()
