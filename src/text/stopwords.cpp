// placeholder: implemented by the text module work
