"""The secretariat's outgoing mail server, for sending review packages instead of files.

Stored as a setting (server, port, user, sender, TLS mode, an internal CA when
there is one) by an administrator; the password goes to the system's
credential store (:class:`~comite.storage.secrets.SecretStore`), never to the
database. Only encrypted connections are offered (STARTTLS or SSL/TLS), the
server's certificate is verified, and the login happens after TLS.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage

from comite.errors import ValidationError
from comite.services.catalog import get_setting
from comite.services.catalog_admin import put_setting
from comite.services.context import Changes, ServiceContext
from comite.services.permissions import Action, require
from comite.storage.secrets import SecretStore

SMTP_KEY = "correo_saliente"


@dataclass(frozen=True)
class SmtpSettings:
    """The secretariat's outgoing mail server. ``security``: ``"starttls"`` (port 587) or
    ``"ssl"`` (port 465); plain text is never offered. ``ca_file``: the CA that signed
    the server's certificate, when it is an internal one the system does not trust."""

    host: str
    port: int = 587
    username: str = ""
    sender: str = ""
    security: str = "starttls"
    ca_file: str = ""

    @property
    def secret_name(self) -> str:
        return f"smtp-password:{self.username}@{self.host.lower()}:{self.port}"


def smtp_settings(ctx: ServiceContext) -> SmtpSettings | None:
    require(ctx, Action.READ_CATALOG)
    with ctx.reading() as s:
        raw = get_setting(s, SMTP_KEY, None)
    if not raw or not raw.get("servidor"):
        return None
    return SmtpSettings(raw["servidor"], int(raw.get("puerto", 587)), raw.get("usuario", ""),
                        raw.get("remitente", ""), raw.get("seguridad", "starttls"), raw.get("ca", ""))


def save_smtp_settings(ctx: ServiceContext, new: SmtpSettings, secrets: SecretStore,
                       password: str | None = None) -> Changes:
    """Store the server (administrators); the password goes to the keyring only."""
    require(ctx, Action.MANAGE_CATALOG)
    if not new.host.strip() or not 0 < new.port < 65536:
        raise ValidationError("Indique el servidor de correo y un puerto válido; no se guardó nada.")
    if new.security not in ("starttls", "ssl"):
        raise ValidationError("El envío de correo va siempre cifrado: elija STARTTLS o SSL; no se guardó nada.")
    if password:
        secrets.set(new.secret_name, password)
    put_setting(ctx, SMTP_KEY, {"servidor": new.host.strip(), "puerto": new.port, "usuario": new.username.strip(),
                                "remitente": new.sender.strip(), "seguridad": new.security,
                                "ca": new.ca_file.strip()})
    return Changes(catalog=True, message="Servidor de correo guardado.")


def send_messages(cfg: SmtpSettings, password: str | None, messages: Sequence[EmailMessage],
               timeout: float = 30) -> list[str | None]:
    """Send each message; per message ``None`` or the Spanish reason it was not sent."""
    context = ssl.create_default_context(cafile=cfg.ca_file or None)
    try:
        if cfg.security == "ssl":
            server: smtplib.SMTP = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=timeout, context=context)
        else:
            server = smtplib.SMTP(cfg.host, cfg.port, timeout=timeout)
            server.starttls(context=context)
        with server:
            if cfg.username:
                server.login(cfg.username, password or "")
            results: list[str | None] = []
            for msg in messages:
                try:
                    server.send_message(msg)
                    results.append(None)
                except smtplib.SMTPRecipientsRefused:
                    results.append("el servidor rechazó la dirección")
                except smtplib.SMTPException as exc:
                    results.append(f"el servidor no lo aceptó ({exc.__class__.__name__})")
            return results
    except smtplib.SMTPAuthenticationError as exc:
        raise ValidationError("El servidor de correo rechazó el usuario o la contraseña; no se envió nada. "
                              "Los archivos .eml quedaron en la carpeta para enviarlos a mano.") from exc
    except (OSError, smtplib.SMTPException) as exc:  # ssl.SSLError is an OSError
        raise ValidationError(f"No se pudo conectar de forma segura con el servidor de correo {cfg.host}:"
                              f"{cfg.port} ({exc.__class__.__name__}); no se envió nada. Los archivos .eml "
                              "quedaron en la carpeta para enviarlos a mano.") from exc
