"""ONVIF: the SOAP client adapter (the one module importing zeep/onvif), onboarding, PTZ control, discovery."""
