"""Reading a CSV as a spreadsheet may have saved it back, or refusing it clearly.

Teachers open the data set in a spreadsheet and save it again. What comes back
differs from what :func:`~osmosis_lab.data.write_all` wrote: another encoding
(Windows-1252, UTF-16 "Unicode text", a UTF-8 byte-order mark), another
separator (``;`` where the decimal mark is a comma, as in French; a tab), and
sometimes a broken line. :func:`read_table` decodes and splits such a file and
returns the raw table; anything it cannot read safely becomes a
:class:`~osmosis_lab.errors.SchemaError` naming the file, the line, and what to
do, never a decoder's or parser's traceback. Values (decimal commas,
``VRAI``/``FAUX``, case) are put right afterwards by :func:`.schema.normalise`.

Examples
--------
>>> import pathlib, shutil, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "ages.csv").write_bytes("nom;âge\\nLéa;17\\n".encode("cp1252"))
>>> read_table(folder / "ages.csv", ["nom", "âge"])
   nom  âge
0  Léa   17
>>> _ = (folder / "ages.csv").write_text("nom;âge\\nLéa;17;18\\n", encoding="utf-8")
>>> read_table(folder / "ages.csv", ["nom", "âge"])
Traceback (most recent call last):
...
osmosis_lab.errors.SchemaError: ages.csv, line 2: 3 fields where the first line has 2 (a stray separator, or a value holding one that lost its quotes). Fix that line in your spreadsheet and save again, or run `make data` to restore the original file.
>>> shutil.rmtree(folder)
"""

import codecs
import csv
import io
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..errors import SchemaError

#: What to do about a file that cannot be read, said in every such error.
RESTORE = "run `make data` to restore the original file"
REEXPORT = f"Save it again from your spreadsheet as 'CSV UTF-8', or {RESTORE}."

#: Separators spreadsheets write: ',' (English), ';' (where ',' is the decimal
#: mark: French, German ...), tab ("Unicode text" / "Text (tab delimited)").
SEPARATORS = (",", ";", "\t")

# A byte-order mark tells the encoding for sure; UTF-16 is how LibreOffice and
# Excel write "Unicode text".
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(raw: bytes, *, source: str) -> str:
    """Text of a CSV file's bytes: by its byte-order mark, else UTF-8, else Windows-1252.

    Windows-1252 is what Excel writes for "CSV" in Western European locales; a
    file in no encoding a spreadsheet writes is refused with what to do.

    >>> decode("Léopold".encode("cp1252"), source="people.csv")
    'Léopold'
    >>> decode(codecs.BOM_UTF16_LE + "Zoé".encode("utf-16-le"), source="people.csv")
    'Zoé'
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as error:
                raise SchemaError(
                    f"{source}: starts like {encoding.upper()} but byte {error.start} does not "
                    f"fit that encoding. {REEXPORT}"
                ) from None
    for encoding in ("utf-8", "cp1252"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:  # UTF-16 without its byte-order mark, or not text at all
            break
        return text
    raise SchemaError(f"{source}: not text in an encoding a spreadsheet writes. {REEXPORT}")


def separator(header: str, expected: Sequence[str]) -> str:
    """The separator that splits ``header`` into the most of the ``expected`` column names.

    >>> separator('"name";"age"', ["name", "age"]), separator("name,age", ["name", "age"])
    (';', ',')
    """

    def known(sep: str) -> int:
        return len({name.strip().strip('"').strip() for name in header.split(sep)} & set(expected))

    return max(SEPARATORS, key=known)  # ties go to the first: ','


def _records(text: str, sep: str, source: str) -> int:
    """Check every line has as many fields as the first; return the number of data lines."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    width, count, start = None, 0, 1
    try:
        for fields in reader:
            if fields and width is None:
                width = len(fields)
            elif fields and len(fields) != width:
                raise SchemaError(
                    f"{source}, line {reader.line_num}: {len(fields)} fields where the first "
                    f"line has {width} (a stray separator, or a value holding one that lost its "
                    f"quotes). Fix that line in your spreadsheet and save again, or {RESTORE}."
                )
            else:
                count += bool(fields)
            start = reader.line_num + 1
    except csv.Error as error:
        problem = {
            "unexpected end of data": 'a quote (") opened here is never closed',
            "expected after": "text after a closing quote",
        }
        said = next((said for key, said in problem.items() if key in str(error)), str(error))
        raise SchemaError(
            f"{source}, line {start}: {said}. Fix that line in your spreadsheet and save "
            f"again, or {RESTORE}."
        ) from None
    return count


def read_table(
    path: Path | str, expected: Sequence[str], *, raw: bytes | None = None
) -> pd.DataFrame:
    """Read the CSV at ``path``, whose header should hold the ``expected`` column names.
    ``raw`` is the file's bytes where the caller has read them already (so that what it keeps
    under those bytes is what they hold, even if the file is saved again meanwhile).

    Raises
    ------
    SchemaError
        When the file is empty, has a header and no rows, is in an encoding a
        spreadsheet does not write, has a line with too many or too few fields,
        or a quote that is never closed. The message names the file (and the line)
        and says what to do.
    """
    path = Path(path)
    text = decode(path.read_bytes() if raw is None else raw, source=path.name)
    if not text.strip():
        raise SchemaError(f"{path.name} is empty. {RESTORE.capitalize()}.")
    sep = separator(text.lstrip().splitlines()[0], expected)
    if _records(text, sep, path.name) == 0:
        raise SchemaError(
            f"{path.name} has column names but no rows. {RESTORE.capitalize()}, or save "
            "the whole sheet again from your spreadsheet."
        )
    # Only an empty field is missing: pandas would also read "None" (a capitalised
    # health_condition), "NA" or "null" as missing.
    table = pd.read_csv(
        io.StringIO(text), sep=sep, keep_default_na=False, na_values=[""], low_memory=False
    )
    blank = table.isna().all(axis=1)
    if blank.any():  # rows of bare separators: Excel writes them for once-formatted cells
        table = table[~blank].reset_index(drop=True)
    return table.rename(columns=str.strip)
