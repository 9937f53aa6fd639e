import sys

import click


@click.command()
@click.option("--name", default="world", help="Who to greet.")
def main(name: str) -> None:
    """Greets NAME, and says where it runs from."""
    click.echo(f"Hello, {name}! Python {sys.version_info[0]}.{sys.version_info[1]}, click {click.__version__ if hasattr(click, '__version__') else ''}".rstrip())
    click.echo(f"click was imported from {click.__file__}")
