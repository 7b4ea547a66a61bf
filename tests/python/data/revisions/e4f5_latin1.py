# -*- coding: latin-1 -*-
"""Café crème

Create Date: 2018-08-08
"""
revision = "e4f5"
down_revision = "c2d3"
