"""Placeholder views: the content issue replaces these."""

from django.shortcuts import render


def home(request):
    return render(request, "content/home.html", {"title": "PainMap"})


def article(request, slug):
    return render(request, "content/home.html", {"title": "PainMap"})


def presentation_type(request, code):
    return render(request, "content/home.html", {"title": "PainMap"})


def toolkit(request):
    return render(request, "content/home.html", {"title": "PainMap"})


def toolkit_item(request, slug):
    return render(request, "content/home.html", {"title": "PainMap"})


def questions(request):
    return render(request, "content/home.html", {"title": "PainMap"})


def privacy(request):
    return render(request, "content/home.html", {"title": "PainMap"})
