f"""An f-string is not a docstring"""
revision = f"f9a0"
down_revision = f'{"e7f8"}'
branch_labels = (f"label",)
