repeat break until false
