"""Python forms generated from ui/*.ui by tools/compile_ui.py. Do not edit by hand."""
