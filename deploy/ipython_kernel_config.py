# Every kernel of the lessons' environment: a cell run before its lesson's setup (after a
# restart, say) says what to do above Python's NameError (osmosis_lab/explorers/kernel_note.py).
# `make install` and postBuild copy this file into <prefix>/etc/ipython/, where IPython reads it.
c = get_config()  # noqa: F821 - IPython's config loader provides it
c.InteractiveShellApp.extensions = ["osmosis_lab.explorers.kernel_note"]
