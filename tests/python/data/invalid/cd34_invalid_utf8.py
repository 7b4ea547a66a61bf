"""Invalid UTF-8 in a comment"""
revision = "cd34"
# café
