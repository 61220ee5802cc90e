x = a and (b or c) and not d or e
