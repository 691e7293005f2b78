"""Placeholder views: the MAP issue replaces these."""

from django.shortcuts import render


def start(request):
    return render(request, "content/home.html", {"title": "Your MAP"})


def how_it_works(request):
    return render(request, "content/home.html", {"title": "How MAP works"})


def resume(request):
    return render(request, "content/home.html", {"title": "Resume"})
