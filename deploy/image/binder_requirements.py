"""Print the ``pip:`` entries of environment.yml, one requirement a line.

The container image installs exactly what Binder installs from PyPI. Debian's
python3 has no YAML parser, and this runs before anything is installed, so it
reads the one shape environment.yml has (``- pip:`` followed by a more indented
list) with the standard library only; tests/test_image.py checks the result
against a real YAML parser.

Usage: ``python3 binder_requirements.py environment.yml > requirements.txt``
"""

import sys


def pip_section(lines):
    """Return the requirements listed under ``- pip:`` in an environment.yml.

    Parameters
    ----------
    lines : iterable of str
        The lines of an environment.yml.

    Returns
    -------
    list of str
        The requirements, in file order.

    Raises
    ------
    ValueError
        If there is no ``- pip:`` entry or it lists nothing, since the image would
        then install no dependencies at all.

    Examples
    --------
    >>> pip_section(["dependencies:", "  - pip", "  - pip:", "      - altair==5.5.0",
    ...              "      # a comment", "      - numpy==2.4.6", "other: 1"])
    ['altair==5.5.0', 'numpy==2.4.6']
    """
    requirements, indent = [], None
    for line in lines:
        stripped = line.strip()
        if indent is None:
            if stripped == "- pip:":
                indent = len(line) - len(line.lstrip())
            continue
        if not stripped or stripped.startswith("#"):
            continue
        if len(line) - len(line.lstrip()) <= indent or not stripped.startswith("- "):
            break  # the list ended: back at the level of "- pip:" or shallower
        requirements.append(stripped[2:].strip())
    if not requirements:
        raise ValueError(
            "environment.yml has no '- pip:' list of requirements; "
            "run `make lock` to write it from constraints.txt."
        )
    return requirements


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as environment:
        print("\n".join(pip_section(environment)))
