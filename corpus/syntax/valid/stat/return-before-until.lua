repeat return until true
