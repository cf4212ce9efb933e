# Production image: gunicorn serves the app (static files through WhiteNoise); the same image
# runs the Celery worker. WeasyPrint needs Pango/HarfBuzz and fonts from the system.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    VAR_DIR=/srv/hdnd/var

RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libffi8 libjpeg62-turbo \
        libopenjp2-7 fontconfig shared-mime-info gettext poppler-utils postgresql-client curl \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 hdnd
WORKDIR /srv/hdnd/app

COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir --upgrade pip && pip install --no-cache-dir -e .

COPY . .
RUN mkdir -p /srv/hdnd/var/media /srv/hdnd/var/staticfiles \
    && SECRET_KEY=build-only ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput \
    && chown -R hdnd:hdnd /srv/hdnd

USER hdnd
EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60", "--access-logfile", "-"]
