"""Find, export or erase a customer's personal data from the command line (logged like the admin's)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from cerobio.editorial import data_rights
from cerobio.editorial.models import CustomerDataLog

COMMAND = CustomerDataLog.Via.COMMAND


class Command(BaseCommand):
    help = (
        "find|export|erase EMAIL: list, print as JSON (or --output FILE) or erase what is stored for a "
        "customer. erase asks for the address again unless --yes is given. Every run is logged."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["find", "export", "erase"])
        parser.add_argument("email")
        parser.add_argument("--output", "-o", help="export: write the JSON to this file instead of standard output")
        parser.add_argument("--yes", action="store_true", help="erase: do not ask for the address again")

    def handle(self, *args, action, email, output=None, yes=False, **options):
        try:
            email = data_rights.clean_email(email)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        found = data_rights.find_customer(email)
        counts = {"orders": len(found.orders), "contact_messages": len(found.messages)}
        if action == "find":
            data_rights.record(CustomerDataLog.Action.SEARCH, email, via=COMMAND, **counts)
            self.stdout.write(f"{counts['orders']} order(s), {counts['contact_messages']} contact message(s).")
            for order in found.orders:
                self.stdout.write(f"  order {order.number}  {order.created_at:%Y-%m-%d}  {order.get_status_display()}")
            for message in found.messages:
                self.stdout.write(f"  contact message {message.created_at:%Y-%m-%d}  {message.get_topic_display()}")
        elif action == "export":
            document = data_rights.export_json(found)
            data_rights.record(CustomerDataLog.Action.EXPORT, email, via=COMMAND, **counts)
            if output:
                with open(output, "w", encoding="utf-8") as f:
                    f.write(document + "\n")
                self.stderr.write(f"Wrote {output}: {counts['orders']} order(s), {counts['contact_messages']} contact message(s).")
            else:
                self.stdout.write(document)
        else:
            self._erase(email, found, yes)

    def _erase(self, email, found, yes):
        if found.is_empty:
            data_rights.record(CustomerDataLog.Action.ERASE, email, orders=0, contact_messages=0, via=COMMAND)
            self.stdout.write("Nothing to erase: no order or contact message uses that address.")
            return
        if not yes:
            typed = input(
                f"Erase {len(found.orders)} order(s) (anonymised) and {len(found.messages)} contact message(s) "
                "(deleted)? Type the email address again to confirm: "
            )
            if typed.strip().lower() != email:
                raise CommandError("Nothing was erased: the address typed to confirm is not the same.")
        try:
            done = data_rights.erase_customer(email, via=COMMAND)
        except data_rights.ErasureRefused as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Erased: {done.orders} order(s) anonymised (totals, items and VAT kept), "
            f"{done.contact_messages} contact message(s) deleted."
        )
