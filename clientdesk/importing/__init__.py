"""Import of client sheets, phone contacts and sales registers (issue 3).

readers turn a file into rows of cells; mapping finds the header row and which column is
which field; cleaning turns cells into clean values; importer plans every row (new, update,
unchanged, error ...) and writes a whole file in one transaction; registers does the same
for bills; undo reverses the last import.
"""
